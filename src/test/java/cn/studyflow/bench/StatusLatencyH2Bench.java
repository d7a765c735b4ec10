package cn.studyflow.bench;

class StatusLatencyH2Bench extends StatusLatencyBench {

    @Override
    String database() {
        return "H2";
    }
}
