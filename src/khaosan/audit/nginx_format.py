"""nginx's access-log format the traffic follower reads (audit/follower.py, README: Production).

In a module of its own, without Django, so the benchmarks configure nginx with exactly this line.
"""

# nginx: `log_format khaosan_json escape=json '…';` — the fields read below, one JSON object per line.
# `cache` is HIT when nginx answered from the pages it keeps (README: the nginx page cache): khaosan never saw
# that request, though `app_id` names the request that made the kept page.
NGINX_LOG_FORMAT = (
    "log_format khaosan_json escape=json '{"
    '"msec":"$msec","addr":"$remote_addr","port":"$remote_port","method":"$request_method",'
    '"uri":"$request_uri","status":"$status","bytes":"$body_bytes_sent","seconds":"$request_time",'
    '"agent":"$http_user_agent","id":"$request_id","host":"$host","app_id":"$upstream_http_x_request_id",'
    '"cache":"$upstream_cache_status"'
    "}';"
)
