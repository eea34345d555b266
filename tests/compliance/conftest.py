from tests.backoffice.conftest import as_person  # noqa: F401  (the back-office's signed-in client)
