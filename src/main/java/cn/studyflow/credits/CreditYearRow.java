package cn.studyflow.credits;

import cn.studyflow.org.CadreRank;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A person's year in the ledger: the sum of their lines and their rank's target, as written by the last refresh. */
record CreditYearRow(long personId, int creditYear, long orgId, CadreRank cadreRank, BigDecimal earned,
                     BigDecimal target, OffsetDateTime refreshedAt) {
}
