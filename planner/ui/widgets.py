"""Small shared widgets: icons, page headers, empty states, info cards."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .. import paths


@cache
def icon(name: str) -> QIcon:
    return QIcon(str(paths.resource("icons", f"{name}.svg")))


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.2))
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(label.foregroundRole())
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class EmptyState(QWidget):
    """A calm, centred explanation of what to do first, with buttons for it."""

    def __init__(
        self,
        icon_name: str,
        title: str,
        text: str,
        actions: list[tuple[str, Callable[[], None]]] = (),  # type: ignore[assignment]
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        pic = QLabel()
        pic.setPixmap(icon(icon_name).pixmap(72, 72))
        pic.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(pic)
        title_label = heading(title, 2)
        title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title_label)
        body = muted(text)
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body.setMaximumWidth(520)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(body)
        row.addStretch()
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for i, (label, callback) in enumerate(actions):
            button = QPushButton(label)
            button.setDefault(i == 0)
            button.clicked.connect(callback)
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addStretch(3)


class Card(QFrame):
    """A titled panel for the dashboard."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#card { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 12, 14, 12)
        self.title = heading(title, 2)
        self.body.addWidget(self.title)
