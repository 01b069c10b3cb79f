from quickscan_app.ui.screens.users import render

render()
