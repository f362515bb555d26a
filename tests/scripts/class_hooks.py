class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(name or cls.__name__)


class A(Plugin):
    pass


class B(Plugin, name="bee"):
    pass


print(Plugin.registry)


class Base:
    @classmethod
    def create(cls):
        return cls.__name__

    @classmethod
    def make(cls):
        return "base-" + cls.create()


class Child(Base):
    @classmethod
    def make(cls):
        return "child-" + super().make()


print(Child.make(), Base.make())


class E(Exception):
    def __init__(self, msg):
        self.msg = msg


try:
    raise E("boom")
except E as e:
    print(e, e.args, e.msg)


class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)


class Tagged(metaclass=Meta):
    pass


print(Tagged.tag)
