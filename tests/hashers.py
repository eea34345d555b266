"""Password hashing for the suite: still Argon2 (a test checks the algorithm), with its smallest costs.

The suite makes thousands of accounts; at the production costs (100 MiB, 2 passes) each one takes a
quarter of a second on this machine, most of the suite's time.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class CheapArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 8
    parallelism = 1
