import { Button, type ButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

/**
 * react-aria's Button with the app's looks. One wrapper so every button in the app has the same
 * sizes, focus ring and pressed/disabled states; `variant` picks the weight.
 */
export function AppButton({
  variant = 'secondary',
  size = 'normal',
  className,
  ...props
}: ButtonProps & { variant?: ButtonVariant; size?: 'normal' | 'small' }) {
  const classes = ['button', `button--${variant}`, size === 'small' ? 'button--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <Button {...props} className={classes} />;
}
