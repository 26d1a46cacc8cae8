"""Recognise EUC-TW (CNS 11643) text, which Python has no codec for, so it can be refused.

Taiwan's older text files and web pages (the Unix side of the 1990s) are in EUC-TW.
Its plane-1 characters are two bytes of 0xA1-0xFE, exactly the shape of GB2312, so
GB18030 decodes every such file without an error into mojibake (one was imported as
GB18030 with confidence 0.74, and nothing told the reader).  Neither the standard
library nor any maintained package on PyPI decodes EUC-TW (chardet 7 never names it
either), so Tongwen cannot show such a file; it can only say what the file is.

:func:`euc_tw_quality` reads a sample *as EUC-TW* the way
:mod:`desktop.core.formats.legacy_chinese` reads it as GB18030 or Big5, on the scale of
:mod:`desktop.core.formats.chinese_score`: the average weight of the characters, 1.0
for the ~800 most common characters of Traditional text, 0.15 for other Han
characters, 0.5 for punctuation, -3 for byte pairs no CNS 11643 plane-1 row holds.
The codes of the common characters come from glibc's EUC-TW converter (``iconv -t
EUC-TW``) applied to the score's common-character lists in their OpenCC s2t and
s2tw forms; tests/core/test_euc_tw.py regenerates the table where iconv can and
compares.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["EUC_TW_NAMES", "euc_tw_quality", "is_euc_tw_name"]

#: Names a user may give this encoding (normalised: lower case, without - and _).
EUC_TW_NAMES = frozenset({"euctw", "xeuctw", "cns11643", "euccns"})

#: The plane-1 codes (two bytes each) of the common Traditional characters.
_COMMON_PLANE1 = bytes.fromhex(
    "c4a1c4a4c4a5c4a6c4a7c4a8c4a9c4abc4acc4b0c4b2c4b4c4b5c4b6c4b8c4bec4c1c4c5c4c7c4c8"
    "c4c9c4cbc4ccc4cdc4d1c4d4c4d6c4d7c4d8c4dfc4e2c4e3c4e6c4e7c4ebc4ecc4efc4f4c4f7c4f9"
    "c4fac4fcc5a1c5a2c5a7c5aac5aec5afc5b0c5b2c5b3c5b4c5b7c5b8c5bfc5c0c5c3c5c5c5c6c5c9"
    "c5cac5cbc5ccc5cfc5d2c5d3c5d4c5d5c5d6c5d8c5dac5dec5e0c5e2c5e4c5e7c5e8c5ecc5eec5ef"
    "c5f2c5f6c5f8c5fbc5fcc5fdc6a1c6a4c6aac6abc6adc6aec6b3c6b5c6b7c6b8c6bec6c0c6c1c6c2"
    "c6c6c6cac6cbc6ccc6cdc6d1c6d2c6d4c6dbc6dcc6dfc6e0c6e1c6edc6eec6f1c6f2c6f3c6f5c6f8"
    "c6f9c6fbc6fcc7a1c7a8c7a9c7b0c7b1c7b4c7b5c7b6c7bac7bcc7bfc7c0c7c1c7c2c7c4c7d1c7d6"
    "c7d7c7d8c7d9c7dac7dec7dfc7e2c7e3c7e9c7efc7f0c7f1c7f3c7f6c7f8c7fcc8a1c8a2c8a6c8a9"
    "c8adc8aec8b4c8b9c8bac8bbc8c0c8cbc8d2c8d3c8d4c8dbc8dcc8ddc8e3c8e7c8e9c8edc8eec8f4"
    "c8fdc8fec9a2c9a3c9a4c9acc9adc9aec9b0c9b1c9b3c9b7c9bbc9c0c9c3c9c6c9c9c9cbc9e4c9f9"
    "c9fac9fdcaaecab0cab5cab8cabccac0cac4cac6cacecad1cad2cad5cad7cadacae3cae4cae5caee"
    "caf4cbb2cbb6cbb7cbbfcbc0cbc4cbc5cbc6cbcccbcdcbcecbcfcbd7cbdbcbe4cbe7cbe8cbeacbeb"
    "cbf0cbf2cbf4cca3cca5cca6cca7ccabccafccb1ccb5ccb6ccbdccbeccbfcccfccd1ccd2ccd4cce0"
    "cce4cce7cceeccefccf5ccf7ccf9ccfacda2cda3cdb1cdb4cdbbcdc2cdcacdcccdd0cdd2cdd4cdd6"
    "cde9cdf3cdf5cdfacdfccea4cea9ceaaceafcebdcec3cececed9cedbcee8ceeaceeccefbcefecfa1"
    "cfa3cfa8cfafcfc4cfcfcfd0cfd4cfdacfdbcfdccfe5cfe6cfe9cfeacfebcfeccfedcff1cff2d0a9"
    "d0acd0b2d0b3d0c2d0d2d0e6d0e7d0e9d0f5d0f9d0fad0fed1a1d1a5d1a8d1abd1b9d1bdd1c0d1c9"
    "d1cad1ccd1ced1cfd1d2d1e7d1f4d1f8d1fcd2a4d2a6d2b3d2c9d2ccd2d5d2dcd2ded2e0d2e1d2e6"
    "d2efd2f1d2f3d2f8d2fcd3a1d3b3d3bcd3c1d3d1d3d3d3d7d3dbd3ecd3f2d3f3d3f6d3f8d3f9d3fa"
    "d3fbd3fcd4abd4aed4afd4b6d4b7d4ced4cfd4ded4e1d4eed4f8d5a1d5a4d5a5d5a7d5a9d5add5ba"
    "d5bbd5c0d5c9d5d5d5e6d5ebd5ecd5f3d5f7d5f8d5f9d5fbd5fcd6aad6b4d6c0d6d6d6e7d6f4d6f8"
    "d7a2d7aed7b6d7bbd7bdd7c4d7c8d7e4d8b4d8b6d8c4d8cad8cdd8d0d8dcd8e1d8e2d8ebd8edd8f5"
    "d8f8d8fad9add9afd9b4d9b6d9b8d9c2d9cfd9d1d9d2d9d7d9dad9dbd9efd9f1d9f2daa6daa7daaf"
    "dab0dab5dab7dab9dac0dac5dad8dad9dadcdadddae4daf3daf4daf5dafedbaadbacdbb9dbbedbc3"
    "dbc4dbd2dbe5dbefdbf4dbfbdbfedca1dca2dca8dcb8dcb9dcc2dcc9dcd3dcd8dcdadcdcdce4dcfc"
    "dcfddda8ddb4ddb7ddbdddbeddc2ddc3ddcaddcbddd5ddd7ddd9dddadddfdde5dde7ddf3ddfddeac"
    "deb2deb6dec5dec6deccded6ded8dedbdededeeedef3defddfa6dfaadfaddfc8dfccdfd2dfd6dfda"
    "dfdfdfe1dfe4dfe6dfe7e0b2e0b5e0b9e0d0e0d2e0d3e0d6e0f5e1a3e1abe1ace1b0e1b8e1bfe1c3"
    "e1dee1e1e1f9e1fee2abe2afe2bde2d0e2d4e2d8e2e4e2e6e2e9e2ece2f5e2fae3a7e3a9e3aae3ae"
    "e3afe3bce3bee3c3e3ece3f2e3f4e3f6e3f7e3f8e4b9e4bbe4c0e4c4e4c6e4c7e4cbe4d2e4e3e4e6"
    "e4ede5b5e5c1e5dce5eee5f6e5f7e5f8e5fae5fce6afe6b5e6c0e6d3e6d8e6dae6dde6e3e6f1e6f9"
    "e6fbe7a5e7aae7ace7ade7aee7b4e7d9e7f9e8b6e8b7e8bae8cfe8d0e8d2e8d6e8d7e8e5e8e8e9ac"
    "e9c8e9f0e9fde9feeaa1eaa6eaa7eaabeab4eab7eabbeabdeacceacdead7ead8eae4eba3eba5eba9"
    "ebb7ebbcebbfebe3ebe6ebebebfbebfdeca1eca4ecadecc1ecd1ecd2ecd3ecddece0ece1ece2eda7"
    "edb0edb5edbaedbcedc0edd3ede0edfdeeafeeb2eebeeec0eedbeeeceef6eef9eefaeefeefa1efa2"
    "efacefb3efb9efd0efd1eff5f0a7f0b7f0d0f0d2f0ddf0e3f0ecf0fdf1a2f1a5f1aff1d8f1daf1ec"
    "f1fbf2aef2b5f2bdf2c1f2d2f2d6f2d9f2e4f2f1f2f2f3a4f3c0f3c4f3dcf4a4f4b2f4bff4eaf4f8"
    "f4faf5a5f5a7f5a8f5c3f5caf5e4f6a3f6b5f6c4f6cbf6d7f6f1f6fef7a2f7aaf7bbf7cbf7d8f7e2"
    "f7e3f7e4f7eef8d8f8fcf9b0f9b1f9b9f9c3f9c5f9cbf9ccf9eaf9f8faa4fab7fabcfabefaddfaea"
    "fafdfbc0fbe2fbeffbf4fcc8fccafcd3fcd5fce9fcf1fda8"
)
_COMMON = frozenset(_COMMON_PLANE1[i : i + 2] for i in range(0, len(_COMMON_PLANE1), 2))
#: Common characters outside plane 1 (爲 着 羣 衆 裏 in plane 3, 邾 in plane 2),
#: with their four-byte 0x8E prefix.
_COMMON |= frozenset(
    bytes.fromhex(code)
    for code in ("8ea2addd", "8ea3b7d7", "8ea3bda2", "8ea3beea", "8ea3c3ee", "8ea3c4ce")
)

#: One EUC-TW character: a character of planes 1-7 after the 0x8E prefix, a plane-1
#: pair, an ASCII byte, or any other byte (which EUC-TW never has alone).
_TOKEN = re.compile(
    rb"\x8e[\xa1-\xa7][\xa1-\xfe]{2}|[\xa1-\xfe]{2}|[\x00-\x7f]|[\x80-\xff]", re.DOTALL
)
_TEXT_CONTROLS = b"\t\n\v\f\r\x1b"


def is_euc_tw_name(name: str) -> bool:
    """Whether ``name`` (as a user or a web page writes it) means EUC-TW."""
    return re.sub(r"[-_\s]", "", name.lower()) in EUC_TW_NAMES


def _pair_weight(pair: bytes) -> float:
    """The weight of a plane-1 character, by the CNS 11643 row (its first byte) it is in."""
    if pair in _COMMON:
        return 1.0
    lead, trail = pair[0], pair[1]
    if lead <= 0xA2:
        return 0.5  # punctuation and symbols
    if lead <= 0xA7 or lead == 0xC2:
        return 0.0  # digits, Latin, Greek, bopomofo, radicals
    if 0xC4 <= lead <= 0xFC or (lead == 0xFD and trail <= 0xCB):
        return 0.15  # the 5,401 Han characters of plane 1
    return -3.0  # a row plane 1 leaves empty: not EUC-TW


def _token_weight(token: bytes) -> float | None:
    """The weight of one token, or None for a printable ASCII byte (not counted)."""
    if len(token) == 4:
        return 1.0 if token in _COMMON else _pair_weight(token[2:]) if token[1] == 0xA1 else 0.15
    if len(token) == 2:
        return _pair_weight(token)
    if token[0] < 0x80:
        return -2.0 if token[0] < 0x20 and token not in _TEXT_CONTROLS else None
    return -3.0  # a byte EUC-TW never has alone


def euc_tw_quality(sample: bytes) -> float:
    """Average weight of the non-ASCII characters of ``sample`` read as EUC-TW.

    On the scale of the legacy detector's quality: about 0.8 for real Chinese text,
    below 0 for bytes that are not EUC-TW.
    """
    total = 0.0
    count = 0
    for token, times in Counter(_TOKEN.findall(sample)).items():
        weight = _token_weight(token)
        if weight is not None:
            total += weight * times
            count += times
    return total / count if count else 0.0
