"""A family name that s2tw turns into another word's character (于 → 於, 余 → 餘, 范 → 範, 党 → 黨, 郁 → 鬱,
朴 → 樸) stays as typed on 繁體 pages where the text plainly addresses a person by it: before a form of
address (师傅, 阿姨, 书记 …), after no Chinese character or after one that leads to a person (hanzi.keep_surnames).
Elsewhere the character may end a word (由于, 其余, 模范), and is converted as any text.

breaker helper-123: a body's 于师傅 came out 於師傅, 范阿姨 範阿姨, on the 繁體 pages.
"""

from __future__ import annotations

import pytest

from sitegen.hanzi import converter
from sitegen.render.script import keep_names_and_urls

CASES = [
    # kept: a person addressed
    ("<p>感谢于师傅的帮助。</p>", "<p>感謝于師傅的幫助。</p>"),
    ("<p>于阿姨说：</p>", "<p>于阿姨說：</p>"),
    ("<p>和余书记一起走访。</p>", "<p>和余書記一起走訪。</p>"),
    ("<p>请范老师讲课。</p>", "<p>請范老師講課。</p>"),
    ("<p>党书记讲话。</p>", "<p>党書記講話。</p>"),
    ("<li>郁主任</li>", "<li>郁主任</li>"),
    ("<p>朴女士、于大爷、余奶奶</p>", "<p>朴女士、于大爺、余奶奶</p>"),
    ("<h1>看望范大妈</h1>", "<h1>看望范大媽</h1>"),
    ("<p>走访于大爷，慰问余奶奶，表扬范师傅，祝贺郁老师</p>", "<p>走訪于大爺，慰問余奶奶，表揚范師傅，祝賀郁老師</p>"),
    ("<p>请大家向党书记反映。</p>", "<p>請大家向党書記反映。</p>"),
    # breaker helper-126: the person named by what they are, or led to by 由, 经, 于
    ("<p>志愿者于师傅、邻居于阿姨、党员于师傅</p>", "<p>志願者于師傅、鄰居于阿姨、黨員于師傅</p>"),
    ("<p>楼长于大哥，社区医生郁医生，网格员范大姐</p>", "<p>樓長于大哥，社區醫生郁醫生，網格員范大姐</p>"),
    ("<p>居委会于副主任，范护士，余民警，和于姐</p>", "<p>居委會于副主任，范護士，余民警，和于姐</p>"),
    ("<p>经于书记提议，由范主任牵头，居民于大爷跟进</p>", "<p>經于書記提議，由范主任牽頭，居民于大爺跟進</p>"),
    ("<h1>关于于师傅反映的停车难</h1>", "<h1>關於于師傅反映的停車難</h1>"),
    # breaker helper-128: led to by 联系, 咨询, 通知, 社区, 业主, 教师, 租户, 物业, 派出所, a day
    ("<p>联系于主任，咨询于医生，通知党书记，社区于书记</p>", "<p>聯繫于主任，諮詢于醫生，通知党書記，社區于書記</p>"),
    ("<p>业主余先生，退休教师范老师，租户于女士</p>", "<p>業主余先生，退休教師范老師，租戶于女士</p>"),
    ("<p>物业范经理，派出所于警官，3日于师傅来访</p>", "<p>物業范經理，派出所于警官，3日于師傅來訪</p>"),
    # a form of address that begins a place's name: "at" (breaker helper-128)
    ("<p>志愿者9:00于社工站集合，大家于社工站领取</p>", "<p>志願者9:00於社工站集合，大家於社工站領取</p>"),
    ("<p>居民于委员会办公室签字确认</p>", "<p>居民於委員會辦公室簽字確認</p>"),
    # converted: the character ends a word
    ("<p>由于阿姨行动不便，</p>", "<p>由於阿姨行動不便，</p>"),
    ("<p>关于师傅们的安排</p>", "<p>關於師傅們的安排</p>"),
    ("<p>位于阿姨家楼下</p>", "<p>位於阿姨家樓下</p>"),
    ("<p>其余老人</p>", "<p>其餘老人</p>"),
    ("<p>模范党员</p>", "<p>模範黨員</p>"),
    ("<p>于2026年3月5日举行</p>", "<p>於2026年3月5日舉行</p>"),  # a date's 于
    ("<p>于家中</p>", "<p>於家中</p>"),
    ("<p>我们寄希望于老师和家长</p>", "<p>我們寄希望於老師和家長</p>"),
    ("<p>由于姐姐生病</p>", "<p>由於姐姐生病</p>"),
    ("<p>曾经于老师家学习</p>", "<p>曾經於老師家學習</p>"),
    ("<p>老于说</p>", "<p>老於說</p>"),  # not addressed by a form after it: unknowable
    ("<p>勇于担当的于海</p>", "<p>勇於擔當的於海</p>"),  # a name alone: the records' names are kept (model/names.py)
]


@pytest.mark.parametrize(("html", "shown"), CASES, ids=[c[0] for c in CASES])
def test_a_family_name_addressing_a_person_is_kept(html: str, shown: str) -> None:
    assert keep_names_and_urls(html, converter()) == shown
