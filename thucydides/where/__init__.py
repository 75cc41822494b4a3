"""Where events happened: an offline gazetteer and the choice of an event's place from the parse."""

from .gazetteer import Gazetteer, Place, Story, load_gazetteer
from .places import Mention, Placer, Words

__all__ = ["Gazetteer", "Mention", "Place", "Placer", "Story", "Words", "load_gazetteer"]
