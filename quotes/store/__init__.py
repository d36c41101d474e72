"""The quote store: who said what, across everything added, looked up by speaker and searched by words."""
from quotes.store.core import Store, default_path
from quotes.store.results import Added, Hit, Lookup, Recorded, SpeakerInfo, Utterance, Wording

__all__ = ["Store", "default_path", "Recorded", "Lookup", "Utterance", "Wording", "Hit", "SpeakerInfo", "Added"]
