package io.sluice.datastream.examples;

import java.util.Objects;

/** A credit card transaction (a POJO, as in Flink's fraud detection walkthrough). */
public class Transaction {
    private long accountId;
    private long timestamp;
    private double amount;

    public Transaction() {
    }

    public Transaction(long accountId, long timestamp, double amount) {
        this.accountId = accountId;
        this.timestamp = timestamp;
        this.amount = amount;
    }

    public long getAccountId() {
        return accountId;
    }

    public void setAccountId(long accountId) {
        this.accountId = accountId;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    public double getAmount() {
        return amount;
    }

    public void setAmount(double amount) {
        this.amount = amount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction && ((Transaction) o).accountId == accountId
                && ((Transaction) o).timestamp == timestamp && ((Transaction) o).amount == amount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, timestamp, amount);
    }

    @Override
    public String toString() {
        return "Transaction{accountId=" + accountId + ", timestamp=" + timestamp + ", amount=" + amount + '}';
    }
}
