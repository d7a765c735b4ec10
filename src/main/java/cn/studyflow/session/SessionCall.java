package cn.studyflow.session;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import lombok.Getter;
import lombok.Setter;

/** One random roll-call (随机点名): the seed and the pool it drew from, who was drawn, by whom, and a note on what they said. */
@Getter
@Setter
public class SessionCall implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private long sessionId;
    private long personId;
    private long seed;
    /** The ids drawn from, ascending, comma-separated. */
    private String pool;
    private long drawnBy;
    private OffsetDateTime drawnAt;
    private String note;
    private String personName;
    private String drawnByName;

    public List<Long> poolIds() {
        return pool == null || pool.isBlank() ? List.of() : Arrays.stream(pool.split(",")).map(Long::valueOf).toList();
    }

    static String poolOf(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
