"""Database models and engine setup (Neon PostgreSQL, URL from .env)."""

import os
from datetime import datetime
from typing import Optional

from dotenv import load_dotenv
from sqlalchemy import Column, DateTime, Float, ForeignKey, Integer, String, Text, create_engine
from sqlalchemy.orm import declarative_base, relationship, sessionmaker

Base = declarative_base()


class User(Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True, index=True)
    name = Column(String(100), nullable=False)
    phone = Column(String(20), nullable=True)
    created_at = Column(DateTime, nullable=False, default=datetime.utcnow)

    places = relationship("Place", back_populates="owner")


class Place(Base):
    __tablename__ = "places"

    id = Column(Integer, primary_key=True)
    owner_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    name = Column(String(200), nullable=False)
    latitude = Column(Float, nullable=True)
    longitude = Column(Float, nullable=True)
    memo = Column(Text, nullable=True)

    owner = relationship("User", back_populates="places")


SessionLocal = sessionmaker(autoflush=False)


def init_db(db_url: Optional[str] = None):
    """Create the engine; DATABASE_URL comes from .env when db_url is None."""
    if db_url is None:
        load_dotenv()
        db_url = os.getenv("DATABASE_URL")

        if not db_url:
            raise ValueError("DATABASE_URL not set")

    engine = create_engine(db_url, echo=False, pool_pre_ping=True, pool_size=5, max_overflow=10)
    SessionLocal.configure(bind=engine)
    return engine
