package cn.studyflow.admin;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TrailMapper {

    void insert(TrailEntry entry);

    void insertAll(@Param("entries") List<TrailEntry> entries);

    /** A page of the trail, newest first; every filter may be null. */
    List<TrailEntry> select(@Param("f") TrailFilter filter, @Param("offset") int offset, @Param("limit") int limit);

    int count(@Param("f") TrailFilter filter);

    void movePaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix);

    /** The filter of the trail page: actor or object name contains, action, object type, from and until. */
    record TrailFilter(String like, String action, String objectType, OffsetDateTime from, OffsetDateTime until) {
    }
}
