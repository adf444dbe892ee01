"""사용자 테이블에 전화번호 추가 (add phone, 📱) — with commas, and "quotes"

긴 설명: 이 리비전은 두 번째 문단을 가집니다.

Revision ID: 2032731a1373
Revises: 35a1b1331724
Create Date: 2024-03-08 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '2032731a1373'
down_revision = '35a1b1331724'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('header_styles_base', sa.Column('phone', sa.String(20)))


def downgrade():
    op.drop_column('header_styles_base', 'phone')
