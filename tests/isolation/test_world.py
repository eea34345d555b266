import pytest

pytestmark = pytest.mark.django_db


def test_the_world_is_built(world):
    assert world.a.obj["item"].office == world.a.office
    assert world.b.obj["item"].office == world.b.office


def test_the_world_is_still_there(world, client):
    assert client.get(world.a.obj["item"].get_absolute_url()).status_code == 200
