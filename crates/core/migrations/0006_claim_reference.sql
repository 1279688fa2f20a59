-- The number on a claim or invoice, so a payment can be matched to the claim it settles.
ALTER TABLE contributions ADD COLUMN claim_reference TEXT NOT NULL DEFAULT '';
