"""Load time of the build cache in each candidate format, on a real cache (issue 12 §2).

Usage: python -m bench.cache_formats OUTPUT_FOLDER   (a folder built with the cache on, e.g. a
bench/generate.py site of 10,000 records). For each format the cache's data is written once, then
read back five times; the best time is printed. JSON and marshal cannot hold sitegen's classes, so
for them the objects are turned into tagged plain values and rebuilt on load (the rebuild is part
of the load time: it is work a build would have to do). orjson stands in for msgpack (not
installed; both are compiled decoders of plain values).
"""

from __future__ import annotations

import base64
import copyreg
import dataclasses
import importlib
import io
import json
import marshal
import pickle
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sitegen.pipeline import cache as cache_module
from sitegen.pipeline.shards import read_shards


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _cls(name: str) -> Any:
    module, _, qualname = name.partition(":")
    return getattr(importlib.import_module(module), qualname)


def plain(value: Any, text_bytes: bool) -> Any:
    """Tagged plain values: dicts with str keys, lists, str, int, float, bool, None (and bytes for marshal)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, bytes):
        return {"#b": base64.b64encode(value).decode()} if text_bytes else value
    if isinstance(value, datetime):
        return {"#dt": value.isoformat()}
    if isinstance(value, date):
        return {"#d": value.isoformat()}
    if isinstance(value, PurePosixPath):
        return {"#p": str(value)}
    if isinstance(value, (set, frozenset)):
        return {"#s": [plain(v, text_bytes) for v in sorted(value, key=repr)]}
    if isinstance(value, tuple):
        return {"#t": [plain(v, text_bytes) for v in value]}
    if isinstance(value, list):
        return [plain(v, text_bytes) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {"#m": {k: plain(v, text_bytes) for k, v in value.items()}}
        return {"#kv": [[plain(k, text_bytes), plain(v, text_bytes)] for k, v in value.items()]}
    if dataclasses.is_dataclass(value):
        return {"#c": _name(type(value)),
                "f": {f.name: plain(getattr(value, f.name), text_bytes) for f in dataclasses.fields(value)}}
    if hasattr(type(value), "model_fields"):  # pydantic
        return {"#pd": _name(type(value)), "f": {k: plain(v, text_bytes) for k, v in value.__dict__.items()}}
    if type(value).__module__.startswith("sitegen."):
        return _plain_memo(value, text_bytes)
    raise TypeError(type(value))


def _plain_memo(value: Any, text_bytes: bool) -> Any:
    """A memo class (render/qr.py Codes, slugs.py Levels…) as what pickle stores of it."""
    maker, arguments, *rest = value.__reduce_ex__(5)
    if maker is copyreg.__newobj__:  # the class made bare, then its state set
        return {"#n": _name(type(value)), "s": plain(rest[0] if rest else None, text_bytes)}
    return {"#r": _name(maker), "a": plain(arguments, text_bytes)}


def rebuild(value: Any) -> Any:
    if isinstance(value, list):
        return [rebuild(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "#b" in value:
        return base64.b64decode(value["#b"])
    if "#dt" in value:
        return datetime.fromisoformat(value["#dt"])
    if "#d" in value:
        return date.fromisoformat(value["#d"])
    if "#p" in value:
        return PurePosixPath(value["#p"])
    if "#s" in value:
        return {rebuild(v) for v in value["#s"]}
    if "#t" in value:
        return tuple(rebuild(v) for v in value["#t"])
    if "#m" in value:
        return {k: rebuild(v) for k, v in value["#m"].items()}
    if "#kv" in value:
        return {rebuild(k): rebuild(v) for k, v in value["#kv"]}
    if "#c" in value:
        cls = _cls(value["#c"])
        obj = object.__new__(cls)
        for k, v in value["f"].items():
            object.__setattr__(obj, k, rebuild(v))
        return obj
    if "#pd" in value:
        return _cls(value["#pd"]).model_construct(**{k: rebuild(v) for k, v in value["f"].items()})
    if "#r" in value or "#n" in value:
        return _rebuilt_memo(value)
    raise ValueError(value)


def _rebuilt_memo(value: dict[str, Any]) -> Any:
    """`_plain_memo`'s value made again, as pickle would: called, or made bare and its state set."""
    if "#r" in value:
        return _cls(value["#r"])(*rebuild(value["a"]))
    made = _cls(value["#n"]).__new__(_cls(value["#n"]))
    state = rebuild(value["s"])
    if hasattr(made, "__setstate__"):
        made.__setstate__(state)
    elif isinstance(state, dict):
        made.__dict__.update(state)
    elif isinstance(state, tuple):  # (the __dict__, the slots' values)
        for part in state:
            for name, item in (part or {}).items():
                object.__setattr__(made, name, item)
    return made


def best(run: Callable[[], object], times: int = 5) -> float:
    found = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        found.append(time.perf_counter() - started)
    return min(found)


def main(out: Path) -> None:
    data_file = cache_module.cache_dir(out) / "data.pickle"
    stored = data_file.read_bytes()
    value = cache_module.read_checked(data_file)
    assert value is not None, "no cache: build the folder with the cache on first"
    raw = pickle.dumps({"format": cache_module.FORMAT, "value": value}, protocol=5)
    as_json = json.dumps(plain(value, True), ensure_ascii=False).encode()
    as_marshal = marshal.dumps(plain(value, False))
    rows: list[tuple[str, int, Callable[[], object]]] = [
        ("pickle (no checks, before)", len(raw), lambda: pickle.loads(raw)),
        ("pickle, sha256 + allow-list (now)", len(stored), lambda: cache_module.read_checked(data_file)),
        ("marshal + rebuild", len(as_marshal), lambda: rebuild(marshal.loads(as_marshal))),
        ("json + rebuild", len(as_json), lambda: rebuild(json.loads(as_json))),
    ]
    try:
        import orjson

        rows.append(("orjson + rebuild", len(as_json), lambda: rebuild(orjson.loads(as_json))))
    except ImportError:
        pass
    digest_only = io.BytesIO(stored)
    rows.append(("the digest of the file alone (sha256)", len(stored), lambda: cache_module._digest(digest_only.getbuffer())))
    files, _ = read_shards(cache_module.cache_dir(out), value.shards)  # the parsed files are in shard files
    print(f"cache of {out}: {len(files)} content files in shards beside the data file (not measured here), "
          f"{len(value.pages)} pages")
    for name, size, load in rows:
        print(f"{name:38s} {size / 1e6:8.1f} MB  {best(load) * 1000:9.1f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
