from app.models.holding import Holding
from app.models.portfolio import Portfolio
from app.models.us_stock import UsStock, UsStockPrice

__all__ = ["Holding", "Portfolio", "UsStock", "UsStockPrice"]
