from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Integer, String, Text, func

from app.database import Base


class ExecutionLog(Base):
    """Log lines captured from an execution's stdout/stderr."""

    __tablename__ = "execution_logs"

    id = Column(BigInteger, primary_key=True)
    execution_id = Column(
        Integer, ForeignKey("executions.id", ondelete="CASCADE"), nullable=False, index=True
    )
    stream = Column(String(6), nullable=False)  # "stdout" | "stderr"
    line = Column(Text, nullable=False)
    logged_at = Column(DateTime(timezone=True), server_default=func.now(), nullable=False)
