package org.communitylifecycle.alumni;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Searches every text and binary column of every table in the database, the engine's and the
 * app's, for some text. The proof that an erasure left nothing behind, wherever the engine may
 * have put it.
 */
final class DatabaseSweep {

  private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
      Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);
  private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);

  private DatabaseSweep() {}

  /** "table.column" for every column holding any of the texts, ignoring case. */
  static List<String> find(DataSource dataSource, String... texts) {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String quote = meta.getIdentifierQuoteString();
      List<String[]> columns = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, connection.getSchema(), "%", "%")) {
        while (rs.next()) {
          columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME"), Integer.toString(rs.getInt("DATA_TYPE"))});
        }
      }
      for (String[] column : columns) {
        String table = quote + column[0] + quote;
        String name = quote + column[1] + quote;
        int type = Integer.parseInt(column[2]);
        for (String text : texts) {
          String needle = text.toLowerCase(Locale.ROOT);
          if (TEXT.contains(type) && containsText(connection, table, name, needle)
              || BINARY.contains(type) && containsBytes(connection, table, name, needle)) {
            found.add(column[0].toLowerCase(Locale.ROOT) + "." + column[1].toLowerCase(Locale.ROOT) + " has '" + text + "'");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot sweep the database", e);
    }
    return found;
  }

  private static boolean containsText(Connection connection, String table, String column, String needle) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select count(*) from " + table + " where lower(" + column + ") like ?")) {
      statement.setString(1, "%" + needle + "%");
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static boolean containsBytes(Connection connection, String table, String column, String needle) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "select " + column + " from " + table + " where " + column + " is not null");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        byte[] bytes = rs.getBytes(1);
        if (bytes != null && new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(needle)) {
          return true;
        }
      }
    }
    return false;
  }
}
