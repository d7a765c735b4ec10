-- The CRC-32 of each stored upload that the year's archive copies, computed when the file is stored (beside its
-- SHA-256): a zip entry kept as it is (a STORED entry) needs its CRC-32 before its bytes, and with it the archive reads
-- each file once. Files stored before this migration have none; the archive reads those twice, as it did before.
ALTER TABLE sf_material_version ADD COLUMN crc32 BIGINT;
ALTER TABLE sf_session_file ADD COLUMN crc32 BIGINT;
ALTER TABLE sf_makeup ADD COLUMN file_crc32 BIGINT;
