from decimal import Decimal

from sqlalchemy import ForeignKey, Numeric
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


class Holding(Base):
    """A position of a portfolio in one stock."""

    __tablename__ = "holding"

    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), primary_key=True
    )
    stock_id: Mapped[int] = mapped_column(ForeignKey("us_stock.id"), primary_key=True)
    quantity: Mapped[Decimal] = mapped_column(Numeric(20, 6), server_default="0")
    avg_cost: Mapped[Decimal] = mapped_column(Numeric(18, 4))
