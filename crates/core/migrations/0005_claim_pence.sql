-- What a claim for a contribution asks for (the payable fee plus expenses), stored beside
-- expenses_pence and kept by the core on every save (`Contribution::claim_pence`), so queries
-- and indexes read one figure instead of repeating which fee arrangements are paid.
-- The backfill below is the one other statement of that rule, for rows saved before this column.
ALTER TABLE contributions ADD COLUMN claim_pence INTEGER NOT NULL DEFAULT 0 CHECK (claim_pence >= 0);
UPDATE contributions SET claim_pence = expenses_pence
    + CASE WHEN fee_arrangement IN ('fee', 'reduced', 'voucher') THEN fee_pence ELSE 0 END;

DROP INDEX contributions_claimed;
DROP INDEX contributions_unpaid;
DROP INDEX contributions_paid;
DROP INDEX contributions_to_claim;
CREATE INDEX contributions_claimed ON contributions(claim_submitted_on, paid_on, claim_pence, expenses_pence)
    WHERE deleted_at IS NULL AND claim_submitted_on IS NOT NULL;
CREATE INDEX contributions_unpaid ON contributions(claim_submitted_on, claim_pence)
    WHERE deleted_at IS NULL AND claim_submitted_on IS NOT NULL AND paid_on IS NULL;
CREATE INDEX contributions_paid ON contributions(paid_on, claim_pence, expenses_pence)
    WHERE deleted_at IS NULL AND paid_on IS NOT NULL;
CREATE INDEX contributions_to_claim ON contributions(date, claim_pence)
    WHERE deleted_at IS NULL AND claim_submitted_on IS NULL AND paid_on IS NULL AND claim_pence > 0;
