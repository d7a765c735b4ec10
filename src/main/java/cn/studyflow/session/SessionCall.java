package cn.studyflow.session;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One random roll-call (随机点名): the seed and the pool it drew from, who was drawn, by whom, and a note on what they said. */
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

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getSessionId() { return sessionId; }
    public void setSessionId(long sessionId) { this.sessionId = sessionId; }
    public long getPersonId() { return personId; }
    public void setPersonId(long personId) { this.personId = personId; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public String getPool() { return pool; }
    public void setPool(String pool) { this.pool = pool; }
    public long getDrawnBy() { return drawnBy; }
    public void setDrawnBy(long drawnBy) { this.drawnBy = drawnBy; }
    public OffsetDateTime getDrawnAt() { return drawnAt; }
    public void setDrawnAt(OffsetDateTime drawnAt) { this.drawnAt = drawnAt; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getPersonName() { return personName; }
    public void setPersonName(String personName) { this.personName = personName; }
    public String getDrawnByName() { return drawnByName; }
    public void setDrawnByName(String drawnByName) { this.drawnByName = drawnByName; }

    public List<Long> poolIds() {
        return pool == null || pool.isBlank() ? List.of() : Arrays.stream(pool.split(",")).map(Long::valueOf).toList();
    }

    static String poolOf(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
