using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Learning.Training;

/// <summary>Turns rows into an ML.NET data view whose feature vector has the width trainers require.</summary>
internal static class TrainingData
{
    /// <remarks>
    /// Trainers need a fixed-size feature vector; the width is only known once the features are built,
    /// so the schema is declared at run time rather than with a constant in <c>[VectorType]</c>.
    /// </remarks>
    public static IDataView Load(MLContext ml, IEnumerable<BinaryRow> rows, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var schema = SchemaDefinition.Create(typeof(BinaryRow));
        schema[nameof(BinaryRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
