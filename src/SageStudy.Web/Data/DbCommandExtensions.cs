using System.Data.Common;

namespace SageStudy.Web.Data;

/// <summary>For the hand-written SQL (index writes, full-text search): every value goes in as a parameter.</summary>
public static class DbCommandExtensions
{
    public static void AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
