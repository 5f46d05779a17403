using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leadwise.Recommend.Modeling;

/// <summary>
/// Rows of one feature vector column ("Features") as an ML.NET data view whose cursor writes each row into the buffer
/// ML.NET hands its getter, when ML.NET asks for it. A tree stage's batch goes through ML.NET this way rather than as a
/// float[] and a row object per row loaded with <c>LoadFromEnumerable</c> (which copies each array once more).
/// </summary>
internal sealed class FeatureRowsView : IDataView
{
    private readonly int _count;
    private readonly int _width;
    private readonly RowWriter _write;

    /// <param name="count">How many rows.</param>
    /// <param name="width">The feature vector's length.</param>
    /// <param name="write">Writes row <c>row</c>'s whole vector into <c>features</c> (which holds the previous row's values).</param>
    public FeatureRowsView(int count, int width, RowWriter write)
    {
        _count = count;
        _width = width;
        _write = write;
        var schema = new DataViewSchema.Builder();
        schema.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, width));
        Schema = schema.ToSchema();
    }

    public delegate void RowWriter(int row, Span<float> features);

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _count;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Any(c => c.Index == 0));

    /// <summary>One cursor: the rows are written in order from shared per-lead state, so they are not split.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(FeatureRowsView view, bool active) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 < view._count)
            {
                _position++;
                return true;
            }

            _position = -1;
            return false;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => active && column.Index == 0;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index != 0 || typeof(TValue) != typeof(VBuffer<float>))
            {
                throw new ArgumentOutOfRangeException(nameof(column), $"The view has one column, Features, of float vectors; {column.Name} as {typeof(TValue).Name} was asked for.");
            }

            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, view._width);
                view._write(checked((int)_position), editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);
    }
}
