"""nginx's part of the page cache (public/pagecache.py, README: Production), without Django.

In a module of its own, like the access-log format, so the tests and the benchmarks configure nginx with
exactly the lines the README gives.

- nginx keeps only what khaosan marks with `X-Accel-Expires`: the anonymous public pages khaosan keeps
  itself, for the seconds until the next go-live or expiry instant (at most `PAGE_CACHE_SECONDS`). Nothing
  else is kept, whatever its `Cache-Control` or `Expires` says; an answer that sets a cookie never is.
- The key ends in the page stamp `./khaosan manage page_stamp --nginx-include` writes into the server block
  (`set $khaosan_page_stamp "N";`) and reloads nginx with: after a change nothing kept before it is answered.
- `Vary` is not followed: khaosan keeps one page per office, host, language and URL, and so does nginx.
  That holds while khaosan does not compress its answers (no GZipMiddleware): nginx's gzip, if on,
  compresses after the cache.
- A visitor with a session cookie is never answered from nor kept in nginx's pages.
- Each answer carries its own request's id, and whether nginx kept it (`X-Cache`); the access log says the
  same in `cache`, so the traffic follower records and counts the pages khaosan never saw.
"""

# In http { }: where nginx keeps the pages (the folder is the deployment's, the zone name is this one).
NGINX_PAGE_CACHE_ZONE = "keys_zone=khaosan_pages:16m max_size=2g inactive=10m use_temp_path=off"

# In the location that passes requests to khaosan.
NGINX_PAGE_CACHE_DIRECTIVES = """\
proxy_cache khaosan_pages;
proxy_cache_key "$scheme|$host|$request_uri|$khaosan_page_stamp";
proxy_ignore_headers Cache-Control Expires Vary;
proxy_cache_bypass $cookie_sessionid;
proxy_no_cache $cookie_sessionid;
proxy_cache_lock on;
proxy_hide_header X-Request-ID;
add_header X-Request-ID $request_id always;
add_header X-Cache $upstream_cache_status always;"""
