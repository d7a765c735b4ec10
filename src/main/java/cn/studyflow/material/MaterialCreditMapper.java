package cn.studyflow.material;

import cn.studyflow.credits.CreditQuery;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Approved materials, read for credits ({@link MaterialCredits}). */
@Mapper
interface MaterialCreditMapper {

    record Approved(long id, long authorId, MaterialKind kind, String title, OffsetDateTime archivedAt) {
    }

    /** Materials archived in [from, until), of the people of one organisation or of one person. */
    List<Approved> selectApproved(@Param("q") CreditQuery query, @Param("from") OffsetDateTime from,
                                  @Param("until") OffsetDateTime until);
}
