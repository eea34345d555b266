"""The project's dictionary for cutting Thai into words: PyThaiNLP's list and the office's own words.

Documents break their lines only between the words this dictionary gives (documents.linebreak); the words
PyThaiNLP's list lacks, which newmm would split (ชำนาญ|การ, ตัว|ชี้|วัด), are kept in thai/words.txt.
"""

from functools import lru_cache
from pathlib import Path

# One word a line, sorted; lines starting with # are comments.
WORDS_FILE = Path(__file__).with_name("words.txt")


def project_words():
    """Return the office's own words (thai/words.txt), which PyThaiNLP would otherwise split."""
    lines = (line.strip() for line in WORDS_FILE.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def dictionary():
    """Return the newmm dictionary (a PyThaiNLP Trie): PyThaiNLP's word list plus `project_words()`.

    Building it takes a second or more (62,000 words), once per process.
    """
    from pythainlp.corpus.common import thai_words
    from pythainlp.util import dict_trie

    return dict_trie(set(thai_words()) | set(project_words()))
