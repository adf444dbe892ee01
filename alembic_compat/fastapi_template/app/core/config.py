import os


class Settings:
    """Application settings read from the environment."""

    PROJECT_NAME: str = "fastapi_template"
    DATABASE_URL: str = os.getenv(
        "DATABASE_URL", "postgresql://postgres:postgres@localhost:5432/fastapi_db"
    )


settings = Settings()
