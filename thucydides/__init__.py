"""thucydides: political event data from news text, coded in CAMEO and PLOVER."""

__version__ = "0.1.0"
