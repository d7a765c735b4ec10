package cn.studyflow.notify;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface NotificationMapper {

    void insert(Notification notification);

    @Select("SELECT * FROM sf_notification WHERE id = #{id}")
    Notification selectById(long id);

    @Select("SELECT COUNT(*) FROM sf_notification WHERE person_id = #{personId} AND read_at IS NULL")
    int countUnread(long personId);

    @Select("SELECT COUNT(*) FROM sf_notification WHERE person_id = #{personId}")
    int countByPerson(long personId);

    List<Notification> selectByPerson(@Param("personId") long personId, @Param("offset") int offset,
                                      @Param("limit") int limit);

    int markRead(@Param("personId") long personId, @Param("id") Long id, @Param("now") OffsetDateTime now);
}
