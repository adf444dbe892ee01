from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, ForeignKey, String, Text, func
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common.database.base import Base


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(), unique=True, index=True)
    full_name: Mapped[Optional[str]] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(server_default=sa_true())
    is_superuser: Mapped[bool] = mapped_column(server_default=sa_false())
    hashed_password: Mapped[str] = mapped_column(String())
    created_at: Mapped[datetime] = mapped_column(DateTime(), server_default=func.now())

    items: Mapped[list["Item"]] = relationship(back_populates="owner")


class Item(Base):
    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(255))
    description: Mapped[Optional[str]] = mapped_column(Text())
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id"))

    owner: Mapped[User] = relationship(back_populates="items")
