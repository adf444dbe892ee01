from sqlalchemy import Column, DateTime, Integer, String, Text, func
from sqlalchemy.orm import relationship

from app.database import Base


class Function(Base):
    """A user-deployed function that jobs invoke."""

    __tablename__ = "functions"

    id = Column(Integer, primary_key=True)
    name = Column(String(128), nullable=False, unique=True, index=True)
    runtime = Column(String(32), nullable=False)
    handler = Column(String(255), nullable=False)
    source = Column(Text, nullable=True)
    created_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)

    jobs = relationship("Job", back_populates="function")
