"""Database models and engine setup for the trip planner (Neon PostgreSQL)."""

import os
from datetime import datetime
from typing import Optional

from dotenv import load_dotenv
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Time,
    create_engine,
)
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True)
    name = Column(String(100), nullable=False)
    hashed_password = Column(String(255), nullable=False)
    phone = Column(String(20), nullable=True)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)

    trips = relationship("Trip", back_populates="owner", cascade="all, delete-orphan")


class Trip(Base):
    __tablename__ = "trips"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    title = Column(String(200), nullable=False)
    destination = Column(String(200), nullable=False)
    start_date = Column(Date, nullable=True, index=True)
    end_date = Column(Date, nullable=True)
    budget = Column(Numeric(12, 2), nullable=True)
    currency = Column(String(3), nullable=False, server_default="KRW")
    status = Column(String(20), nullable=False, server_default="planned")
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)

    owner = relationship("User", back_populates="trips")
    items = relationship(
        "ItineraryItem", back_populates="trip", cascade="all, delete-orphan"
    )


class ItineraryItem(Base):
    __tablename__ = "itinerary_items"
    __table_args__ = (Index("idx_itinerary_trip_day", "trip_id", "day"),)

    id = Column(Integer, primary_key=True)
    trip_id = Column(
        Integer, ForeignKey("trips.id", ondelete="CASCADE"), nullable=False, index=True
    )
    day = Column(Integer, nullable=False)
    title = Column(String(200), nullable=False)
    location = Column(String(255), nullable=True)
    start_time = Column(Time, nullable=True)
    notes = Column(Text, nullable=True)

    trip = relationship("Trip", back_populates="items")


SessionLocal = sessionmaker(autoflush=False)


def init_db(db_url: Optional[str] = None):
    """Initialise the database.

    Args:
        db_url: database URL. When None, DATABASE_URL from the environment is used.
    """
    if db_url is None:
        load_dotenv()
        db_url = os.getenv("DATABASE_URL")

        if not db_url:
            raise ValueError("DATABASE_URL not set")

    # Connection pool tuned for Neon (serverless: connections may go stale).
    engine = create_engine(
        db_url,
        echo=False,
        pool_pre_ping=True,  # check connections before use
        pool_size=5,
        max_overflow=10,
    )
    SessionLocal.configure(bind=engine)
    return engine
