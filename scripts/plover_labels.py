"""PLOVER event types as training labels, shared by train_model.py and train_neural.py.

``PLOVER_ROOT`` is the CAMEO root each PLOVER type stands for when a PLOVER-labelled
sentence trains a CAMEO classifier; its coarse five-class label follows from that root.
"""

from __future__ import annotations

from thucydides.events.taxonomy import five_class

PLOVER_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06", "AID": "07",
    "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "SANCTION": "16",
    "PROTEST": "14", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "19",
}  # fmt: skip
PLOVER_CLASS = {name: five_class(root) for name, root in PLOVER_ROOT.items()}
