/** A key or key combination, drawn like a key cap. */
export function KeyHint({ children }: { children: string }) {
  return (
    <kbd
      style={{
        display: 'inline-block',
        padding: '0 5px',
        fontSize: 12,
        lineHeight: '18px',
        fontFamily: 'inherit',
        color: '#595959',
        background: '#fafafa',
        border: '1px solid #d9d9d9',
        borderBottomWidth: 2,
        borderRadius: 3,
      }}
    >
      {children}
    </kbd>
  );
}
