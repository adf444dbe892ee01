"""Small helpers with Alembic's names, used by code that imports them from ``alembic.util``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, NoReturn, TypeVar

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


class ModuleClsProxy:
    """Module-level proxies for an instance's methods (Alembic's ``util.ModuleClsProxy``).

    ``create_module_class_proxy(globals(), locals())`` gives a module one function per
    public method of the class (``alembic.op.add_column``, ``alembic.context.configure``);
    each forwards to the instance installed with ``_install_proxy``. Public attributes that
    are not callable (``context.config``) exist in the module only while an instance is
    installed. Before any instance was installed, calling a function raises Alembic's
    ``NameError``; afterwards the module's ``_proxy`` is ``None`` (or the instance installed
    before, when installs nest).

    ``_proxy_module`` names the module that proxies the class (``alembic.op``): that module
    fills itself lazily, on its first attribute access or when an instance is installed, so
    importing it stays cheap.
    """

    _setups: dict[type, tuple[set[str], list[dict[str, Any]]]] = {}
    _proxy_module: str | None = None

    @classmethod
    def _setup(cls) -> tuple[set[str], list[dict[str, Any]]]:
        setup = cls._setups.get(cls)
        if setup is None:
            setup = cls._setups[cls] = (set(), [])
        return setup

    @classmethod
    def _update_module_proxies(cls, name: str) -> None:
        attr_names, modules = cls._setup()
        for globals_ in modules:
            cls._add_proxied_attribute(name, globals_, globals_, attr_names)

    def _install_proxy(self) -> None:
        cls = self.__class__
        if cls._proxy_module is not None:
            import importlib

            importlib.import_module(cls._proxy_module)._materialize()
        attr_names, modules = cls._setup()
        previous = self.__dict__.setdefault("_previous_proxies", [])
        previous.append([(globals_, globals_.get("_proxy")) for globals_ in modules])
        for globals_ in modules:
            globals_["_proxy"] = self
            for attr_name in attr_names:
                globals_[attr_name] = getattr(self, attr_name)

    def _remove_proxy(self) -> None:
        attr_names, modules = self.__class__._setup()
        stack = self.__dict__.get("_previous_proxies")
        saved = stack.pop() if stack else [(globals_, None) for globals_ in modules]
        for globals_, before in saved:
            globals_["_proxy"] = before
            for attr_name in attr_names:
                if before is None:
                    globals_.pop(attr_name, None)
                else:
                    globals_[attr_name] = getattr(before, attr_name)

    @classmethod
    def create_module_class_proxy(
        cls, globals_: MutableMapping[str, Any], locals_: MutableMapping[str, Any]
    ) -> None:
        attr_names, modules = cls._setup()
        modules.append(globals_)  # type: ignore[arg-type]
        for name in dir(cls):
            cls._add_proxied_attribute(name, globals_, locals_, attr_names)

    @classmethod
    def _add_proxied_attribute(
        cls,
        name: str,
        globals_: MutableMapping[str, Any],
        locals_: MutableMapping[str, Any],
        attr_names: set[str],
    ) -> None:
        if name.startswith("_"):
            return
        if callable(getattr(cls, name)):
            locals_[name] = cls._create_method_proxy(name, globals_)
        else:
            attr_names.add(name)

    @classmethod
    def _create_method_proxy(cls, name: str, globals_: MutableMapping[str, Any]) -> Any:
        class_name = cls.__name__

        def _name_error(name: str, from_: Exception) -> NoReturn:
            raise NameError(
                "Can't invoke function '%s', as the proxy object has "
                "not yet been "
                "established for the Alembic '%s' class.  "
                "Try placing this code inside a callable." % (name, class_name)
            ) from from_

        globals_["_name_error"] = _name_error

        def proxy(*args: Any, **kw: Any) -> Any:
            try:
                target = globals_["_proxy"]
            except KeyError:
                _name_error(name, NameError("name '_proxy' is not defined"))
            return getattr(target, name)(*args, **kw)

        method = getattr(cls, name)
        proxy.__name__ = proxy.__qualname__ = name
        proxy.__doc__ = method.__doc__
        proxy.__module__ = globals_.get("__name__", proxy.__module__)
        # inspect.signature(op.add_column) follows __wrapped__: the method's parameters
        # without self (a method bound to the class just for that; classmethods are bound
        # already). help() and mypy.stubtest then see what the proxy really accepts.
        import types

        if isinstance(method, types.FunctionType):
            method = types.MethodType(method, cls)
        proxy.__wrapped__ = method  # type: ignore[attr-defined]
        return proxy


def proxy_module_getattr(globals_: dict[str, Any], materialize: Callable[[], None]) -> Any:
    """The ``__getattr__`` of a lazily filled proxy module (``alembic.op``,
    ``alembic.context``): fill the module, then answer as a plain module would."""

    def __getattr__(name: str) -> Any:
        if not name.startswith("__"):
            materialize()
            if name in globals_:
                return globals_[name]
        raise AttributeError(f"module {globals_['__name__']!r} has no attribute {name!r}")

    return __getattr__
