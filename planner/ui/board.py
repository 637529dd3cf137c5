from .hub import DataHub
from .widgets import EmptyState


def build(hub: DataHub, window):  # placeholder until the applications page lands
    return EmptyState("board", "Board", "Coming soon.")
