package io.sluice.runtime.operator.join;

import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What a regular join keeps in a keyed-state backend per distinct stored row of a side: how many equal rows the
 * side holds, their number of matches on the other side (kept for outer sides and the left of SEMI/ANTI), and
 * the processing time the entry was last written (for {@code table.exec.state.ttl}).
 */
record JoinRecordState(int count, int associations, long writeTime) {
    static final StateSerializer<JoinRecordState> SERIALIZER = new StateSerializer<>() {
        @Override
        public void serialize(JoinRecordState value, DataOutput out) throws IOException {
            out.writeInt(value.count);
            out.writeInt(value.associations);
            out.writeLong(value.writeTime);
        }

        @Override
        public JoinRecordState deserialize(DataInput in) throws IOException {
            return new JoinRecordState(in.readInt(), in.readInt(), in.readLong());
        }

        @Override
        public String identity() {
            return "sql-join-record";
        }
    };
}
