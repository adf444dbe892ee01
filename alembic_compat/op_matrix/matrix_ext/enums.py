"""Python enum classes the models (and so the migrations) use for sa.Enum columns."""

import enum


class Priority(enum.Enum):
    low = 1
    normal = 2
    high = 3


class TicketState(str, enum.Enum):
    OPEN = "open"
    PENDING = "pending"
    CLOSED = "closed"
