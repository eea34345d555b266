"""The cache shared by several app servers: Django's Redis backend, made safe to lose.

Public pages must keep answering while Redis is restarted, full or unreachable (a cache is an
optimisation, never a dependency): Django's `RedisCache` raises `redis.exceptions.ConnectionError` from
every call then, which would turn each public page into a 500, because the office of a request, the kept
page and the form limits are all looked up in the cache. `ForgivingRedisCache` answers as an empty cache
that keeps nothing instead (a miss on read, nothing stored on write, `add` refused, `incr` as on a missing
key), logs one warning, and then leaves Redis alone for `RETRY_SECONDS` so a dead server costs no time per
call. Everything put in these caches can be made again from the database.

Two more differences from Django's backend, both about several aliases sharing one Redis database:

- `clear()` deletes this alias's keys only (its KEY_PREFIX), not the whole database as FLUSHDB would:
  clearing the kept pages must not also reset the form limits.
- `incr()` is one atomic step on the server. Django's checks that the key exists and then increments it,
  and a key that expires between the two comes back as a counter that never expires.

A value that cannot be read back (written by another release whose classes have changed) is a miss, too.
"""

import logging
import time

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger("khaosan.sharedcache")

RETRY_SECONDS = 5
# INCRBY only on a key that exists, so a counter never outlives the timeout it was added with.
_INCR_EXISTING = "if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end"


class _Down(Exception):
    """Redis failed a moment ago: do not ask it again yet."""


class _Client(RedisCacheClient):
    def get(self, key, default):
        raw = self.get_client(key).get(key)
        if raw is None:
            return default
        try:
            return self._serializer.loads(raw)
        except Exception:  # noqa: BLE001 — a value this release cannot unpickle is a value not kept
            logger.warning("cache value %s could not be read back; treated as missing", key)
            return default

    def incr(self, key, delta):
        value = self.get_client(key, write=True).eval(_INCR_EXISTING, 1, key, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def clear_prefix(self, prefix):
        client = self.get_client(None, write=True)
        deleted = 0
        batch = []
        for key in client.scan_iter(match=f"{prefix}:*", count=1000):
            batch.append(key)
            if len(batch) == 1000:
                deleted += client.delete(*batch)
                batch = []
        if batch:
            deleted += client.delete(*batch)
        return deleted


class ForgivingRedisCache(RedisCache):
    """Django's RedisCache that behaves as an empty cache while Redis cannot be reached (see the module)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = options.pop("RETRY_SECONDS", RETRY_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        if not self.key_prefix:
            raise ImproperlyConfigured("A shared Redis cache alias needs its own KEY_PREFIX (see settings.CACHES).")
        self._class = _Client
        self._down_until = 0.0

    def _call(self, fallback, method, *args, **kwargs):
        try:
            if time.monotonic() < self._down_until:
                raise _Down
            return method(*args, **kwargs)
        except _Down:
            return fallback()
        except redis.RedisError as error:
            self._down_until = time.monotonic() + self.retry_seconds
            logger.warning(
                "Redis cache %r unavailable (%s); answering as an empty cache for %s s",
                self.key_prefix,
                error,
                self.retry_seconds,
            )
            return fallback()

    def add(self, *args, **kwargs):
        return self._call(lambda: False, super().add, *args, **kwargs)

    def get(self, key, default=None, version=None):
        return self._call(lambda: default, super().get, key, default, version)

    def set(self, *args, **kwargs):
        return self._call(lambda: None, super().set, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call(lambda: False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call(lambda: False, super().delete, *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call(dict, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call(lambda: False, super().has_key, *args, **kwargs)

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found.")  # what callers already handle for an expired counter

        return self._call(missing, super().incr, key, delta, version)

    def set_many(self, data, *args, **kwargs):
        return self._call(lambda: list(data), super().set_many, data, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call(lambda: None, super().delete_many, *args, **kwargs)

    def clear(self):
        """Delete this alias's keys, not the other aliases' sharing the database."""
        return self._call(lambda: False, self._cache.clear_prefix, self.key_prefix)
