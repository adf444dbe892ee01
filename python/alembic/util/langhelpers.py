"""Small helpers with Alembic's names, used by code that imports them from ``alembic.util``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar

    _T = TypeVar("_T")


class memoized_property:
    """A read-only property computed once per instance."""

    def __init__(self, fget: Callable[[Any], Any], doc: str | None = None) -> None:
        self.fget = fget
        self.__doc__ = doc or fget.__doc__
        self.__name__ = fget.__name__

    def __get__(self, obj: Any, cls: Any) -> Any:
        if obj is None:
            return self
        obj.__dict__[self.__name__] = result = self.fget(obj)
        return result


class immutabledict(dict):  # type: ignore[type-arg]
    def _immutable(self, *arg: Any, **kw: Any) -> None:
        raise TypeError("%s object is immutable" % self.__class__.__name__)

    __delitem__ = __setitem__ = __setattr__ = _immutable  # type: ignore[assignment]
    clear = pop = popitem = setdefault = update = _immutable  # type: ignore[assignment]

    def union(self, d: Mapping[Any, Any]) -> immutabledict:
        if not d:
            return self
        new = dict(self)
        new.update(d)
        return immutabledict(new)

    def __repr__(self) -> str:
        return "immutabledict(%s)" % dict.__repr__(self)


EMPTY_DICT: Mapping[Any, Any] = immutabledict()


def rev_id() -> str:
    import uuid

    return uuid.uuid4().hex[-12:]


def to_tuple(x: Any, default: Any = None) -> Any:
    if x is None:
        return default
    elif isinstance(x, str):
        return (x,)
    elif isinstance(x, Iterable):
        return tuple(x)
    else:
        return (x,)


def to_list(x: Any, default: Any = None) -> Any:
    if x is None:
        return default
    elif isinstance(x, str):
        return [x]
    elif isinstance(x, Iterable):
        return list(x)
    else:
        return [x]


def unique_list(seq: Iterable[_T], hashfunc: Callable[[_T], Any] | None = None) -> list[_T]:
    seen: set[Any] = set()
    if not hashfunc:
        return [x for x in seq if x not in seen and not seen.add(x)]  # type: ignore[func-returns-value]
    return [
        x
        for x in seq
        if hashfunc(x) not in seen and not seen.add(hashfunc(x))  # type: ignore[func-returns-value]
    ]


def dedupe_tuple(tup: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(unique_list(tup))


def asbool(value: Any) -> bool:
    return value is not None and value.lower() == "true"


def not_none(value: _T | None) -> _T:
    assert value is not None
    return value
