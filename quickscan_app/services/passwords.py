"""Password hashing with Argon2id (argon2-cffi): memory-hard, salted, parameters in the hash."""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the user does not exist, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

MIN_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """A random password for demo users: 4 groups of 4 letters and digits (drawn again in
    the one-in-a-billion case that it looks like a common password)."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    while True:
        word = "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))
        if not too_common(word):
            return word


COMMON_WORDS = frozenset(
    (
        "password",
        "passw0rd",
        "p@ssw0rd",
        "p@ssword",
        "wachtwoord",
        "wachtw00rd",
        "welkom",
        "welcome",
        "qwerty",
        "qwertyuiop",
        "azerty",
        "azertyuiop",
        "letmein",
        "admin",
        "administrator",
        "beheer",
        "beheerder",
        "quickscan",
        "douane",
        "belastingdienst",
        "rijksoverheid",
        "overheid",
        "geheim",
        "secret",
        "zomer",
        "winter",
        "lente",
        "herfst",
        "summer",
        "spring",
        "autumn",
        "fall",
        "monkey",
        "dragon",
        "iloveyou",
        "football",
        "voetbal",
        "ajax",
        "feyenoord",
        "psv",
        "amsterdam",
        "rotterdam",
        "utrecht",
        "denhaag",
        "nederland",
        "holland",
        "changeme",
        "default",
        "test",
        "testtest",
        "abc",
        "abcdef",
        "abcdefgh",
        "asdf",
        "asdfgh",
        "asdfghjkl",
        "zxcvbn",
        "zxcvbnm",
        "trustno1",
        "master",
        "sunshine",
        "princess",
        "shadow",
        "superman",
        "batman",
        "hello",
        "hallo",
        "welkomwelkom",
        "starwars",
        "pokemon",
        "computer",
        "internet",
        "login",
        "inloggen",
        "gebruiker",
        "user",
    )
)
"""Base words of passwords that top every leaked-password list (and the obvious local ones).
A password is checked after lower-casing, undoing common letter-for-digit swaps and
stripping trailing digits and punctuation, so ``Welkom2026!!`` counts as ``welkom``."""
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i"})  # fmt: skip


def _base(password: str) -> str:
    stripped = password.lower().rstrip("0123456789!@#$%^&*()-_=+.,?~ ")
    return stripped.lstrip("0123456789!@#$%^&*()-_=+.,?~ ")


def too_common(password: str, user_name: str = "") -> bool:
    """A password anyone would guess early: a known base word (also repeated or with digits
    and symbols around it), the user name, or a handful of characters repeated."""
    base = _base(password)
    candidates = {base, base.translate(_LEET), password.lower(), password.lower().translate(_LEET)}
    for word in candidates:
        if not word or word in COMMON_WORDS:
            return True
        for size in range(1, len(word) // 2 + 1):
            unit = word[:size]
            if (
                len(word) % size == 0
                and unit * (len(word) // size) == word
                and (size <= 4 or unit in COMMON_WORDS)
            ):
                return True
    name = user_name.lower().strip()
    if len(name) >= 3 and name in password.lower():
        return True
    return len(set(password)) <= 4
