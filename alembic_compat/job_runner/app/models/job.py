from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import relationship

from app.database import Base


class Job(Base):
    """A scheduled or one-off invocation of a function."""

    __tablename__ = "jobs"

    id = Column(Integer, primary_key=True)
    function_id = Column(Integer, ForeignKey("functions.id"), nullable=False)
    schedule = Column(String(64), nullable=True)  # cron expression; NULL = one-off
    payload = Column(JSONB, nullable=True)
    status = Column(String(16), nullable=False, server_default="pending")
    timeout_seconds = Column(Integer, nullable=False, server_default="300")
    max_retries = Column(Integer, nullable=True)
    created_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)

    function = relationship("Function", back_populates="jobs")
    executions = relationship("Execution", back_populates="job")
