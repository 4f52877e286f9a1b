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

A call of an instance of a type registered with `plain` (the renderer's `link` and `asset`: 47,695
calls at 1,000 records) is made as Jinja's `call` would make it, without its checks: such a type
holds no attribute of its own (slots, no `__dict__`) and neither it nor its `__call__` has any
attribute Jinja's checks look for (`unsafe_callable`, `alters_data`, `jinja_pass_arg`), so they
would pass it unchanged, call for call.

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
# What jinja2.runtime.Context.call returns when the callable raises StopIteration.
_STOPPED = "value was undefined because a callable raised a StopIteration exception"
# The attributes Jinja's call reads off a callable (SandboxedEnvironment.is_safe_callable, _PassArg.from_obj).
_CALL_FLAGS = ("unsafe_callable", "alters_data", "jinja_pass_arg")


class Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """`jinja2.sandbox.ImmutableSandboxedEnvironment` (a template reaches no Python internals and
    changes no value it is given) whose `is_safe_attribute` answers from a memo keyed by
    `(type(obj), attr)`. Takes the same arguments as any Jinja environment."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}
        self._plain: set[type] = set()

    def plain(self, kind: type) -> None:
        """Call instances of `kind` without Jinja's per-call checks (module docstring).

        Raises ValueError when an instance could carry an attribute of its own (no slots, or a
        `__dict__` slot) or the type or its `__call__` has one of the attributes the checks read."""
        free = all("__slots__" in vars(c) and "__dict__" not in vars(c)["__slots__"] for c in kind.__mro__[:-1])
        call = kind.__dict__.get("__call__")  # its own: an inherited one is not looked at, so refused
        flagged = [name for name in _CALL_FLAGS for holder in (kind, call) if hasattr(holder, name)]
        if not free or flagged or not callable(call):
            raise ValueError(f"{kind.__name__}: not a plain callable ({flagged or 'instances hold attributes'})")
        self._plain.add(kind)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's names
        """Jinja's call; for a type registered with `plain`, what it would do, done directly."""
        if type(__obj) in __self._plain:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __context.environment.undefined(_STOPPED)
        return super().call(__context, __obj, *args, **kwargs)

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
