class ConfigError(Exception):
    pass


def read(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ConfigError(f"missing key {key!r}") from e


print(read({"a": 1}, "a"))
read({"a": 1}, "b")
