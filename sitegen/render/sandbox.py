"""The Jinja sandbox every template runs in (a site's theme, ours, the feeds'), with its per-attribute
safety decision remembered.

Jinja's `ImmutableSandboxedEnvironment` asks `is_safe_attribute(obj, attr, value)` on every attribute
a template reads: a dozen `isinstance` checks (`jinja2.sandbox.is_internal_attribute`,
`modifies_known_mutable`). At 1,000 records that was about a fifth of a cold build's render time
under cProfile, for about sixty different (type, attribute) pairs. Jinja's own answer depends only on
the object's type and the attribute's name, never on the value, so it is asked once per pair and
remembered for the environment's life; the answers are Jinja's, unchanged. An attribute read whose
pair is remembered safe, and whose value is no method (so not a `str.format` Jinja would wrap), is
returned as Jinja's `getattr` would return it, without its two calls (234,641 reads at 1,000 records).

Jinja's `isinstance` checks also read `obj.__class__`, which an object may set apart from its type
(a `weakref.proxy` answers its referent's class; a class may define `__class__` per instance): a
proxy to a list and one to a str share a type, not an answer. Such objects are asked every time.
"""

from __future__ import annotations

import types
from typing import Any

import jinja2.sandbox

# What `jinja2.sandbox.SandboxedEnvironment.wrap_str_format` wraps: a value of neither type is passed as it is.
_METHODS = (types.MethodType, types.BuiltinMethodType)


class Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """`jinja2.sandbox.ImmutableSandboxedEnvironment` (a template reaches no Python internals and
    changes no value it is given) whose `is_safe_attribute` answers from a memo keyed by
    `(type(obj), attr)`. Takes the same arguments as any Jinja environment."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's answer for this type and attribute name (the value is not part of it); asked
        afresh when the object's `__class__` is not its type."""
        kind = type(obj)
        if obj.__class__ is not kind:
            return super().is_safe_attribute(obj, attr, value)
        key = (kind, attr)
        known = self._safe.get(key)
        if known is None:
            known = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return known

    def getattr(self, obj: Any, attribute: str) -> Any:
        """Jinja's `getattr`: the value when (type, attribute) is remembered safe and it is no method
        (what Jinja returns then), else Jinja's own answer."""
        kind = type(obj)
        if obj.__class__ is kind and self._safe.get((kind, attribute)):
            try:
                value = getattr(obj, attribute)
            except AttributeError:
                return super().getattr(obj, attribute)
            if not isinstance(value, _METHODS):
                return value
        return super().getattr(obj, attribute)
