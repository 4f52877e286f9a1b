"""Read a content file as text: UTF-8 (with or without BOM) only, and say what else it was."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Final

from sitegen.errors import Problem

MAX_FILE_BYTES: Final = 2 * 1024 * 1024  # a record is a page of text; 2 MiB is generous
_BOM: Final = b"\xef\xbb\xbf"
_WIDE_BOMS: Final = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),  # before UTF-16's: FF FE 00 00
                      (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
_WIDE: Final = (("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"))
_CHINESE: Final = (("gb18030", "GBK/GB18030"), ("big5", "Big5"))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch >= "\U00020000"


def _plausible_chinese(text: str) -> bool:
    """True when a strict decode gave mostly CJK, ASCII and CJK punctuation (not random glyphs)."""
    cjk = sum(1 for ch in text if _is_cjk(ch))
    other = sum(1 for ch in text if not (ch.isascii() or _is_cjk(ch) or "\u3000" <= ch <= "\u303f"
                                        or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·"))
    return cjk > 0 and other <= max(1, len(text) // 50)


def guess_encoding(data: bytes) -> str | None:
    """Name the legacy encoding a Windows tool most likely used (GBK from WPS, Big5 from old Taiwan tools)."""
    fits = []
    for codec, label in _CHINESE:
        try:
            if _plausible_chinese(data.decode(codec)):
                fits.append((codec, label))
        except UnicodeDecodeError:
            continue
    if len(fits) == 1:
        return fits[0][1]
    from charset_normalizer import from_bytes  # imported late: only broken files pay for it

    if fits:  # both decode: let the detector choose between the two
        best = from_bytes(data, cp_isolation=[c for c, _ in fits]).best()
        chosen = best.encoding.replace("_", "") if best else fits[0][0]
        return next((label for codec, label in fits if codec == chosen), fits[0][1])
    best = from_bytes(data).best()
    return best.encoding.upper() if best else None


def wide_encoding(data: bytes) -> str | None:
    """"UTF-32" or "UTF-16" when `data` is text in one of them (Notepad's "Unicode"), with or without its
    byte order mark (Unicode Standard §23.8: FF FE 00 00 is UTF-32's, so it is looked for before FF FE);
    else None. Without a mark, the text must decode strictly, hold a line end and no control character
    (category Cc) but tab and line ends; full-width, no-break and zero-width spaces are text
    (break21b: a record with 　 was named UTF_16_LE). A UTF-8 file never holds the NUL bytes that half
    of UTF-16's ASCII are."""
    for bom, label in _WIDE_BOMS:
        if data.startswith(bom):
            return label
    if b"\x00" not in data:
        return None
    for codec, label in _WIDE:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\n" in text and not any(unicodedata.category(ch) == "Cc" and ch not in "\t\r\n" for ch in text):
            return label
    return None


def _unscramble(line: str) -> str | None:
    """If a line is UTF-8 that was read as GBK or Latin-1 and saved again, return what it said."""
    for codec in ("gb18030", "cp1252", "latin-1"):
        try:
            fixed = line.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != line and sum(1 for ch in fixed if _is_cjk(ch)) >= 2:
            return fixed
    return None


_CJK_RUN: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_NOT_ASCII: Final = re.compile(r"[^\x00-\x7f]")
_LOST: Final = re.compile(r"[\ufffd?]+")  # what a lost character reads back as: U+FFFD, with the ? a tool saved for it
DAMAGED_SHARE: Final = 0.4  # of a line's other characters, what must read back as Chinese (see _damaged)
DAMAGED_LEAST: Final = 4  # Chinese characters read back, at least: a short line of real Chinese never gives as many


def _damaged(line: str, read_back: str) -> str | None:
    """What a line said, with □ for each character lost, when it is UTF-8 read as GBK, saved again and
    damaged on the way (a byte GBK could not map saved as ?, or kept as U+FFFD, or typed over since):
    its GB18030 bytes read as UTF-8 (`read_back`, leniently) give back Chinese for most of the line.

    UTF-8 Chinese is three bytes a character and GBK two, so a garbled line has some 1.5 of its
    characters for each one read back. Real Chinese read so gives back next to nothing: its GBK
    bytes fall into a three-byte UTF-8 Chinese character only where a lead byte E4–E9 meets two
    bytes 80–BF, about one character in 150. A line is taken as damaged mojibake when at least
    DAMAGED_LEAST characters read back and they are DAMAGED_SHARE of its other characters or more
    (U+FFFD left out: it stands for a character lost); else None.
    """
    found = len(_CJK_RUN.findall(read_back))
    if found < DAMAGED_LEAST or found < DAMAGED_SHARE * len(_NOT_ASCII.findall(line.replace("\ufffd", ""))):
        return None
    return _LOST.sub("□", read_back).strip()


def find_mojibake(text: str) -> tuple[int, str, bool] | None:
    """The first line that looks double-decoded (社区 saved as 绀惧尯 or ç¤¾åŒº), with its repair and
    whether characters were lost on the way (then □ stands for each in the repair: `_damaged`).

    Lines are sifted first in C (one GB18030 encoding of the text, one lenient UTF-8 decode per
    line, `max` for Latin): only lines that could be mojibake pay for `_unscramble`, so 100,000
    lines of Chinese take milliseconds, not a second.
    """
    # A U+FFFD kept in the text read back as its own GB18030 bytes (84 31 A4 37) would show as "1" and "7":
    # the character is lost either way, and read back as a ? is.
    gbk_lines = text.replace("\ufffd", "?").encode("gb18030").split(b"\n")
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii():
            continue
        read_back = gbk_lines[number - 1].decode("utf-8", "replace")
        could_be_gbk = "\ufffd" not in read_back
        if not could_be_gbk:
            lost = _damaged(line, read_back)
            if lost is not None:
                return number, lost, True
            if max(line) > "\u2122":  # beyond cp1252's last character: not Latin mojibake
                continue
        fixed = _unscramble(line.strip())
        if fixed is not None:
            return number, fixed, False
    return None


def read_text(path: Path, rel: PurePosixPath, size: int | None = None) -> tuple[str | None, Problem | None]:
    """Decode one content file strictly, normalising line ends; never publish garbage."""
    size = path.stat().st_size if size is None else size
    if size > MAX_FILE_BYTES:
        return None, Problem(rel, None, "file.too_large",
                             {"size": f"{size / 1048576:.1f}", "limit": MAX_FILE_BYTES // 1048576})
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, Problem(rel, None, "file.unreadable", {"detail": e.strerror or str(e)})
    wide = wide_encoding(data)
    if wide is not None:
        return None, Problem(rel, None, "file.encoding", {"encoding": wide})
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        encoding = guess_encoding(data)
        key = "file.encoding" if encoding else "file.not_text"
        return None, Problem(rel, line, key, {"encoding": encoding or ""})
    if "\x00" in text:
        return None, Problem(rel, text[: text.index("\x00")].count("\n") + 1, "file.not_text", {})
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    garbled = find_mojibake(text)
    if garbled is not None:
        line, fixed, lost = garbled
        return None, Problem(rel, line, "file.mojibake_lost" if lost else "file.mojibake", {"fixed": fixed[:40]})
    return unicodedata.normalize("NFC", text), None
