"""Parse YAML safely: no implicit typing, no aliases, no deep nesting, a line for every value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Final, TypeAlias

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sitegen.errors import Problem
from sitegen.load.hash_notes import hash_notes
from sitegen.load.slips import comment_slips, find_slips, syntax_problem

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NULL_TAG: Final = "tag:yaml.org,2002:null"
STR_TAG: Final = "tag:yaml.org,2002:str"
SEQ_TAG: Final = "tag:yaml.org,2002:seq"
MAP_TAG: Final = "tag:yaml.org,2002:map"
MAX_DEPTH: Final = 32
# Below this size the C composer cannot recurse deep enough to crash; above it we scan events first.
_SCAN_ABOVE: Final = 4000

Key: TypeAlias = str | int
Path_: TypeAlias = tuple[Key, ...]


class ContentLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader that types nothing but null: `no`, `12:30`, `0571` and phones stay text.

    Each field's declared type converts the text later, so YAML 1.1's guesses never bite.
    """


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag == NULL_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class Located:
    """Plain data (dict, list, str, None) and the 1-based line of every key and item."""

    data: object
    lines: dict[Path_, int]
    line: int  # where the document starts


def _mark_line(first_line: int, mark: Any) -> int:  # yaml.Mark, or the C reader's own Mark
    return first_line + (mark.line if mark is not None else 0)


def _scan_events(text: str, path: PurePosixPath, first_line: int) -> Problem | None:
    """Refuse anchors, aliases and deep nesting before the composer can expand or recurse."""
    depth = 0
    for event in yaml.parse(text, Loader=ContentLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return Problem(path, _mark_line(first_line, event.start_mark), "yaml.alias")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(path, _mark_line(first_line, event.start_mark), "yaml.too_deep",
                               {"limit": MAX_DEPTH})
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def _depth_limit(error: yaml.MarkedYAMLError) -> bool:
    """True when the YAML library refused the text for nesting deeper than it allows."""
    return "nesting depth" in f"{error.problem or ''} {error.context or ''}"


def parse_yaml(text: str, path: PurePosixPath, first_line: int = 1) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML document into plain data with lines, or say exactly where it is broken.

    Typing slips (full-width colons and spaces, tabs, look-alike dashes) are named at their own
    line, before PyYAML's error, which comes on a later line or not at all.
    """
    slips = find_slips(text, path, first_line)
    try:
        if len(text) > _SCAN_ABOVE or "&" in text or "*" in text:
            refused = _scan_events(text, path, first_line)
            if refused is not None:
                return None, [refused]
        node = yaml.compose(text, Loader=ContentLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = min(_mark_line(first_line, mark), first_line + text.rstrip("\n").count("\n"))  # never past the end
        if _depth_limit(e):  # libyaml 0.2.6+ (PyYAML 6.0.4 wheels) stops at its own nesting limit
            return None, [Problem(path, line, "yaml.too_deep", {"limit": MAX_DEPTH})]
        syntax = syntax_problem(path, first_line, line, e, text)
        return None, slips + [syntax] if not slips or (syntax.line or 0) < (slips[0].line or 0) else slips
    except yaml.YAMLError as e:  # ReaderError: a character YAML does not allow in a text
        character = getattr(e, "character", None)
        char = chr(character) if isinstance(character, int) else str(character or "")[:1]
        # (the C reader's position counts bytes, the Python one characters: find the character instead)
        at = text.find(char) if char else -1
        line = first_line + (text[:at].count("\n") if at >= 0 else 0)
        code = f"U+{ord(char):04X}" if char else "?"
        return None, [*slips, Problem(path, line, "yaml.bad_char", {"code": code})]
    if slips:  # read, but not as the worker meant it (`　date:` is a new key, not meeting's date)
        return None, slips
    lost = comment_slips(text, path, first_line, ContentLoader)
    noted = hash_notes(text, path, first_line, ContentLoader)
    if lost or noted:  # `title: #邻里节#活动回顾` read as an empty title: the words are gone; `敬老活动 ＃待定`: a note kept
        return None, sorted(lost + noted, key=lambda p: p.line or 0)
    if node is None:
        return Located(data=None, lines={}, line=first_line), []
    builder = _Builder(path, first_line)
    data = builder.value(node, (), 0)
    return Located(data=data, lines=builder.lines, line=_mark_line(first_line, node.start_mark)), builder.problems


class _Builder:
    """Turn composed nodes into plain data, remembering lines and refusing what YAML should not carry."""

    def __init__(self, path: PurePosixPath, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []

    def _line(self, node: Node) -> int:
        return _mark_line(self.first_line, node.start_mark)

    def value(self, node: Node, at: Path_, depth: int) -> object:
        """The plain value of `node` at path `at` (str, None, list or dict), its problems noted on the way."""
        if depth > MAX_DEPTH:
            self.problems.append(Problem(self.path, self._line(node), "yaml.too_deep", {"limit": MAX_DEPTH}))
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if node.tag not in (SEQ_TAG, MAP_TAG):
            self.problems.append(Problem(self.path, self._line(node), "yaml.tag", {"tag": node.tag}))
        if isinstance(node, SequenceNode):
            return self._sequence(node, at, depth)
        assert isinstance(node, MappingNode)
        return self._mapping(node, at, depth)

    def _scalar(self, node: ScalarNode) -> str | None:
        if node.tag == NULL_TAG:
            return None
        if node.tag != STR_TAG:
            self.problems.append(Problem(self.path, self._line(node), "yaml.tag", {"tag": node.tag}))
        return str(node.value)

    def _sequence(self, node: SequenceNode, at: Path_, depth: int) -> list[object]:
        items: list[object] = []
        for index, item in enumerate(node.value):
            self.lines[(*at, index)] = self._line(item)
            items.append(self.value(item, (*at, index), depth + 1))
        return items

    def _mapping(self, node: MappingNode, at: Path_, depth: int) -> dict[str, object]:
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (STR_TAG, NULL_TAG):
                self.problems.append(Problem(self.path, self._line(key_node), "yaml.complex_key"))
                continue
            key = str(key_node.value)
            if key in mapping:
                self.problems.append(Problem(self.path, self._line(key_node), "yaml.duplicate_key",
                                             {"key": key, "first": self.lines.get((*at, key), "?")}))
                continue
            self.lines[(*at, key)] = self._line(key_node)
            mapping[key] = self.value(value_node, (*at, key), depth + 1)
        return mapping
